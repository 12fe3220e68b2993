/** The procès-verbal of a session that has not deliberated yet does not exist (HTTP 409). */
export class SessionNotDeliberated extends Error {
  constructor(readonly sessionId: string) {
    super(
      `session ${sessionId} has not deliberated yet: its procès-verbal exists once the jury has decided`,
    );
    this.name = 'SessionNotDeliberated';
  }
}
