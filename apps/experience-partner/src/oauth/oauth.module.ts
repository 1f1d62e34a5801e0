import { Module } from '@nestjs/common';
import { IssueTokenUseCase } from './issue-token.usecase.js';
import { OAuthController } from './oauth.controller.js';

/** The OAuth2 token endpoint of the partner API. */
@Module({
  controllers: [OAuthController],
  providers: [IssueTokenUseCase],
})
export class OAuthModule {}
