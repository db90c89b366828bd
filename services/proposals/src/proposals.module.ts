import { Module } from '@nestjs/common';
import { AnswerHandlers } from './answer/answer.handlers';
import { PersonRegisteredHandler } from './authors/person-registered.handler';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { CommentCountChangedHandler } from './comments/comment-count-changed.handler';
import { ProposalExportHandlers } from './export/proposal-export.handlers';
import { ProposalMapHandlers } from './map/proposal-map.handlers';
import { EndorsementHandlers } from './endorsement/endorsement.handlers';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';
import { OfficialProposalHandlers } from './official/official-proposal.handlers';
import { ProposalHandlers } from './proposal/proposal.handlers';
import { SupportHandlers } from './support/support.handlers';
import { ValuationHandlers } from './valuation/valuation.handlers';
import { ContentModeratedHandler } from './moderation/content-moderated.handler';

@Module({
  controllers: [
    ProposalHandlers,
    PrivacyHandlers,
    SupportHandlers,
    ProposalMapHandlers,
    ProposalExportHandlers,
    EndorsementHandlers,
    AnswerHandlers,
    ValuationHandlers,
    OfficialProposalHandlers,
  ],
  providers: [
    PersonRegisteredHandler,
    PersonUpdatedHandler,
    PersonDeletedHandler,
    ParticipationChangedHandler,
    CommentCountChangedHandler,
    ContentModeratedHandler,
  ],
})
export class ProposalsModule {}
