import { Module } from '@nestjs/common';
import { FrameworkEditorHandlers } from './framework-editor/framework-editor.handlers';
import { FrameworkTreeHandlers } from './framework-tree/framework-tree.handlers';
import { FrameworkHandlers } from './framework/framework.handlers';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';

/** The evaluations service's handlers and use-cases: frameworks (référentiels), their trees and editors. */
@Module({
  controllers: [FrameworkHandlers, FrameworkTreeHandlers, FrameworkEditorHandlers, PrivacyHandlers],
  providers: [PersonDeletedHandler],
})
export class EvaluationsModule {}
