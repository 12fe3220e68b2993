import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { sessionStatusOn, type SessionStatus } from '@certif/sessions-domain';
import { SessionStatusEnum } from './enums';
import { toJurorType, toRegistrationType } from './session.mapper';
import { ExamSessionType, JurorType, RegistrationType } from './session.types';
import type { SessionsContext } from './sessions-context';

@Resolver(() => ExamSessionType)
export class ExamSessionFieldsResolver {
  @FieldResolver(() => SessionStatusEnum, {
    description: 'CLOSED once deliberated and its corrections window is over.',
  })
  status(@Root() session: ExamSessionType, @Ctx() context: SessionsContext): SessionStatus {
    return sessionStatusOn(
      { status: session.storedStatus, deliberatedAt: session.deliberatedAt },
      context.today,
    );
  }

  @FieldResolver(() => [JurorType])
  async jurors(
    @Root() session: ExamSessionType,
    @Ctx() context: SessionsContext,
  ): Promise<JurorType[]> {
    return (await context.loaders.jurorsBySession.load(session.id)).map(toJurorType);
  }

  @FieldResolver(() => [RegistrationType])
  async registrations(
    @Root() session: ExamSessionType,
    @Ctx() context: SessionsContext,
  ): Promise<RegistrationType[]> {
    return (await context.loaders.registrationsBySession.load(session.id)).map(toRegistrationType);
  }
}
