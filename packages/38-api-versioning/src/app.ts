import type { Clock } from '@lab/common/clock';
import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import { type DeprecationPolicy, deprecationHeaders } from './deprecation.ts';
import { type ApiVersion, negotiateVersion, VENDOR_TYPE } from './negotiation.ts';
import { openApiDocument } from './openapi.ts';
import { presentV1, presentV2, v1CreateToNewUser, v2CreateToNewUser } from './representations.ts';
import { V1CreateUser, V2CreateUser } from './schemas.ts';
import { type User, UsersService } from './users-service.ts';

export interface VersioningAppOptions {
  clock: Clock;
  /** When v1 was deprecated and when it goes away; the successor link is filled in per request. */
  v1Deprecation: Omit<DeprecationPolicy, 'successor'>;
  /** The shared service layer; one is made when not given. */
  service?: UsersService;
}

/** One version's edge: how it reads a create body and how it presents a user. */
interface VersionEdge {
  create: z.ZodType;
  toNewUser: (body: never) => ReturnType<typeof v1CreateToNewUser>;
  present: (user: User) => unknown;
}

const EDGES: Record<ApiVersion, VersionEdge> = {
  1: { create: V1CreateUser, toNewUser: v1CreateToNewUser as VersionEdge['toNewUser'], present: presentV1 },
  2: { create: V2CreateUser, toNewUser: v2CreateToNewUser as VersionEdge['toNewUser'], present: presentV2 },
};

/** A path id: digits only, within the safe integer range; anything else (NUL, 10k characters) is a 400. */
function parseId(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * The versioned API: `/api/v1` and `/api/v2` routers over one `UsersService`, the same resource on an
 * unversioned URL with query or media-type versioning, each version's OpenAPI document, and problem bodies
 * for every error. v1 answers carry Deprecation, Sunset and Link headers.
 */
export function createVersioningApp(options: VersioningAppOptions): express.Express {
  const service = options.service ?? new UsersService(options.clock);
  const app = express();
  app.disable('x-powered-by');
  // `/api/V1` is not `/api/v1`: a version is an identifier, and two spellings would be two cache keys.
  app.set('case sensitive routing', true);
  app.use(express.json({ limit: '16kb' }));

  const v1Headers = (res: Response, userId?: number) => {
    const successor = userId === undefined ? '/api/v2/users' : `/api/v2/users/${userId}`;
    res.set(deprecationHeaders({ ...options.v1Deprecation, successor }));
  };

  /** `contentType` replaces application/json: the media-type route answers in the type it was asked for. */
  const getUser = (version: ApiVersion, contentType?: string) => (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    if (version === 1) v1Headers(res, id);
    if (id === undefined)
      return sendProblem(res, problemBody(400, 'invalid_id', 'the id must be a positive integer'));
    const user = service.get(id);
    if (!user) return sendProblem(res, problemBody(404, 'user_not_found', `no user has id ${id}`));
    const body = EDGES[version].present(user);
    if (contentType) res.type(contentType).send(JSON.stringify(body));
    else res.json(body);
  };

  const createUser = (version: ApiVersion) => (req: Request, res: Response) => {
    if (version === 1) v1Headers(res);
    const parsed = EDGES[version].create.safeParse(req.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return sendProblem(
        res,
        problemBody(400, 'invalid_body', 'the body does not match the schema', { errors }),
      );
    }
    const user = service.create(EDGES[version].toNewUser(parsed.data as never));
    const location = `/api/v${version}/users/${user.id}`;
    res.status(201).location(location).json(EDGES[version].present(user));
  };

  for (const version of [1, 2] as const) {
    const router = Router({ caseSensitive: true });
    router.get('/openapi.json', (_req, res) => {
      res.json(
        openApiDocument(
          version,
          version === 1 ? { ...options.v1Deprecation, successor: '/api/v2' } : undefined,
        ),
      );
    });
    router.post('/users', createUser(version));
    router.get('/users/:id', getUser(version));
    app.use(`/api/v${version}`, router);
  }

  // The alternatives: one URL, the version from ?version= or from the Accept header's media type.
  app.get('/api/users/:id', (req, res) => {
    const negotiated = negotiateVersion(req.query.version, req.get('accept'));
    res.vary('Accept');
    if (!negotiated.ok) {
      return sendProblem(
        res,
        problemBody(negotiated.status, negotiated.code, negotiated.detail, { supportedVersions: [1, 2] }),
      );
    }
    getUser(negotiated.version, `${VENDOR_TYPE}; version=${negotiated.version}`)(req, res);
  });

  app.use('/api/:version', (req, res) => {
    const known = /^v[12]$/.test(req.params.version ?? '');
    sendProblem(
      res,
      known
        ? problemBody(404, 'not_found', `no route ${req.method} ${req.originalUrl.slice(0, 200)}`)
        : problemBody(404, 'unknown_api_version', 'this API has versions v1 and v2', {
            supportedVersions: ['v1', 'v2'],
          }),
    );
  });
  app.use((req, res) => {
    sendProblem(
      res,
      problemBody(404, 'not_found', `no route ${req.method} ${req.originalUrl.slice(0, 200)}`),
    );
  });
  app.use(errorHandler);
  return app;
}

/** Body-parser failures (bad JSON, too large, wrong charset) become 4xx problem bodies; the rest a bare 500. */
const errorHandler: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status =
    typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500)
    return sendProblem(res, problemBody(500, 'internal_error', 'something went wrong on our side'));
  const code =
    error.type === 'entity.parse.failed'
      ? 'invalid_json'
      : error.type === 'entity.too.large'
        ? 'body_too_large'
        : 'bad_request';
  sendProblem(
    res,
    problemBody(
      status,
      code,
      code === 'invalid_json' ? 'the body is not valid JSON' : `the request was refused (${code})`,
    ),
  );
};
