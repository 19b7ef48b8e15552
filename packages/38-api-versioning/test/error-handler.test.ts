import { manualClock } from '@lab/common/clock';
import { problemViolations } from '@lab/common/problem';
import { describe, expect, it } from 'vitest';
import { type User, UsersService } from '../src/index.ts';
import { startApp } from './_app.ts';

/** A service layer whose reads fail with `error`: what reaches the client when something below the API throws. */
class FailingService extends UsersService {
  constructor(private readonly error: Error) {
    super(manualClock(0));
  }
  override get(): User | undefined {
    throw this.error;
  }
}

const failWith = (message: string, extra: object = {}) => Object.assign(new Error(message), extra);

async function answerWhenReadFails(error: Error) {
  const app = await startApp(new FailingService(error));
  try {
    return await app.request('GET', '/api/v2/users/1');
  } finally {
    await app.close();
  }
}

describe('an error thrown below the API', () => {
  it.each([
    ['with no status', failWith('connection to db-7 refused')],
    ['with a 5xx status', failWith('upstream timed out', { status: 503 })],
    ['with a status that is no error (302)', failWith('moved', { status: 302 })],
    ['with a status that is not a number', failWith('conflict', { status: '409' })],
  ])('%s is our 500 problem, with nothing of its message', async (_, error) => {
    const res = await answerWhenReadFails(error);
    expect(res.status).toBe(500);
    expect(problemViolations(res.json, 500)).toEqual([]);
    expect(res.json).toMatchObject({
      code: 'internal_error',
      detail: 'something went wrong on our side',
    });
    expect(JSON.stringify(res.json)).not.toContain(error.message);
  });

  it('carrying a 4xx status keeps it, with a generic code', async () => {
    const res = await answerWhenReadFails(failWith('version conflict on row 7', { status: 409 }));
    expect(res.status).toBe(409);
    expect(problemViolations(res.json, 409)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'bad_request', detail: 'the request was refused (bad_request)' });
  });
});
