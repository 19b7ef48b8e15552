import { describe, expect, it } from 'vitest';
import * as service from '../src/index.ts';

// Topics 23 and 29 import these names from @lab/project-structure: a rename breaks them, so it fails here first.
describe('the public API (src/index.ts)', () => {
  it('exports every layer, the architecture checker, the composition root and nothing internal', () => {
    expect(Object.keys(service).sort()).toEqual(
      [
        // api
        'createApp',
        'errorHandler',
        'HttpError',
        'ordersRouter',
        'problemForError',
        'usersRouter',
        // services
        'ConflictError',
        'DomainError',
        'NotFoundError',
        'OrderService',
        'UserService',
        'ValidationError',
        // repositories
        'DuplicateKeyError',
        'ForeignKeyError',
        'InvalidTextError',
        'memoryRepositories',
        'migrate',
        'PgOrderRepository',
        'PgUserRepository',
        'pgRepositories',
        'pgTransaction',
        'RepositoryError',
        'runMigration',
        'TABLES',
        // models
        'MAX_EMAIL_LENGTH',
        'MAX_LINES',
        'MAX_NAME_LENGTH',
        'MAX_ORDER_TOTAL_CENTS',
        'MAX_QUANTITY',
        'MAX_UNIT_PRICE_CENTS',
        'NewOrder',
        'NewOrderLine',
        'NewUser',
        'ORDER_STATUSES',
        'orderTotalCents',
        'safeText',
        // architecture (the checker; node:fs and node:path only, nothing heavy)
        'checkLayers',
        'coldImport',
        'describeViolation',
        'findImports',
        'layerEdges',
        'layerOf',
        'OUTSIDE_LAYERS',
        'readSourceTree',
        'renderLayerGraph',
        'renderTree',
        'resolveSpecifier',
        'SERVICE_LAYERS',
        // composition root
        'composeServices',
        'createPostgresService',
      ].sort(),
    );
  });

  it('keeps one error hierarchy: every domain error is a DomainError with a snake_case code', () => {
    const errors = [
      new service.NotFoundError('order', 3),
      new service.ConflictError('email_taken', 'taken'),
      new service.ValidationError([{ path: 'name', message: 'blank' }]),
    ];
    expect(errors.map((e) => e instanceof service.DomainError)).toEqual([true, true, true]);
    expect(errors.map((e) => e.code)).toEqual(['order_not_found', 'email_taken', 'validation_failed']);
    expect(errors.map((e) => e.name)).toEqual(['NotFoundError', 'ConflictError', 'ValidationError']);
    expect(errors[2]?.message).toBe('invalid input: name: blank');
  });
});
