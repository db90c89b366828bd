import { Module } from '@nestjs/common';
import { CampaignHandlers } from './campaign/campaign.handlers';
import { AssessmentHandlers } from './assessment/assessment.handlers';
import { StakeholderHandlers } from './stakeholder/stakeholder.handlers';
import { ProgressHandlers } from './progress/progress.handlers';
import { ValuationHandlers } from './valuation/valuation.handlers';
import { ResultsHandlers } from './results/results.handlers';
import { FrameworkEditorHandlers } from './framework-editor/framework-editor.handlers';
import { FrameworkTreeHandlers } from './framework-tree/framework-tree.handlers';
import { FrameworkHandlers } from './framework/framework.handlers';
import { organizationReadModelHandlers } from './organization/organization-read-model.handlers';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';

/** The evaluations service's handlers and use-cases: frameworks (référentiels), their trees and editors. */
@Module({
  controllers: [
    ResultsHandlers,
    ValuationHandlers,
    ProgressHandlers,
    StakeholderHandlers,
    AssessmentHandlers,
    CampaignHandlers,
    FrameworkHandlers,
    FrameworkTreeHandlers,
    FrameworkEditorHandlers,
    PrivacyHandlers,
  ],
  providers: [PersonDeletedHandler, ...organizationReadModelHandlers],
})
export class EvaluationsModule {}
