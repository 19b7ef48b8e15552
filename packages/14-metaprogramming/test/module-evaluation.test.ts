import { describe, expect, it } from 'vitest';

/**
 * Decorators, static blocks and module-level instances run when a module is evaluated, once per module URL.
 * Each test imports a src module as every importer does, then evaluates the same file afresh under another
 * URL (a query string): what that second evaluation ran — registrations, definition-time checks, static
 * blocks, the module instance — is new, and a module that throws while it is evaluated fails the test.
 */
const evaluateAgain = async <M>(file: string, tag: string): Promise<M> =>
  (await import(new URL(`../src/${file}?${tag}`, import.meta.url).href)) as M;

describe('evaluating a module runs its definition-time code, once per URL', () => {
  it('registers each plugin as its class is declared; another URL of the file is another registry', async () => {
    const shared = await import('../src/example-plugins.ts');
    const again = await evaluateAgain<typeof shared>('example-plugins.ts', 'again');
    expect(shared.exporters.names()).toEqual(['csv', 'json', 'ndjson']);
    expect(again.exporters.names()).toEqual(['csv', 'json', 'ndjson']);
    expect(again.exporters).not.toBe(shared.exporters);
    expect(again.CsvExporter).not.toBe(shared.CsvExporter);
    expect(again.exporters.get('csv')).toBe(again.CsvExporter);
  });

  it('checks the endpoint classes as they are declared: the documented ones load, each time', async () => {
    const shared = await import('../src/example-endpoints.ts');
    const again = await evaluateAgain<typeof shared>('example-endpoints.ts', 'again');
    expect(again.UsersEndpoint).not.toBe(shared.UsersEndpoint);
    expect(new again.AdminUsersEndpoint()).toBeInstanceOf(again.UsersEndpoint);
    expect(new again.MemoryStorage().read('x')).toBeUndefined();
  });

  it('builds the module instance when the module is evaluated: a second URL is a second "singleton"', async () => {
    const shared = await import('../src/singleton.ts');
    const again = await evaluateAgain<typeof shared>('singleton.ts', 'again');
    expect(again.built.count).toBe(1);
    expect(again.settings).not.toBe(shared.settings);
    expect(again.settings).toEqual(shared.settings);
    expect(again.settings.poolSize).toBe(Number(process.env.POOL_SIZE ?? 10));
  });

  it('runs the static blocks again for each evaluation, in declaration order', async () => {
    const shared = await import('../src/static-blocks.ts');
    const again = await evaluateAgain<typeof shared>('static-blocks.ts', 'again');
    expect(again.definitionLog).not.toBe(shared.definitionLog);
    expect(again.definitionLog).toEqual([
      'static block of Currency: 3 currencies',
      'static block of Parent',
      'static block of Child',
    ]);
    expect(again.Currency.of('EUR')).not.toBe(shared.Currency.of('EUR'));
  });
});
