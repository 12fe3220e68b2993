import type { RequestHandler } from 'express';
import { requestProblems, type DocumentLimits } from './document-limits';

/**
 * Before Apollo parses, validates or plans anything: a request over a limit answers 400
 * GRAPHQL_VALIDATION_FAILED at once, with a message per limit exceeded.
 */
export function requestLimitsMiddleware(limits: DocumentLimits): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.method === 'GET' ? request.query : request.body;
    let problems: { message: string }[];
    try {
      problems = requestProblems(body, limits);
    } catch {
      // A document the limits cannot even measure is refused, never answered with a 500.
      problems = [{ message: 'The request could not be measured against the limits' }];
    }
    if (problems.length === 0) {
      next();
      return;
    }
    response.status(400).json({
      errors: problems.map((problem) => ({
        message: problem.message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      })),
    });
  };
}
