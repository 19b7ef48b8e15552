// Import order matters: Symbol.metadata must exist before any decorated class is defined.

export { makeClass } from './class-factory.ts';
export {
  DefinitionError,
  descriptionsOf,
  doc,
  endpoint,
  implementsMethods,
  ownPublicMethods,
} from './definition-checks.ts';
export { AdminUsersEndpoint, MemoryStorage, UsersEndpoint } from './example-endpoints.ts';
export { CsvExporter, type Exporter, exporters, JsonExporter, NdjsonExporter } from './example-plugins.ts';
export { Circle, Point, Shape, Square } from './new-target.ts';
export { receiverDemo, strictView, type TraceEntry, traced, UnknownKeyError } from './proxy.ts';
export {
  type Ctor,
  createRegistry,
  DuplicatePluginError,
  type Registry,
  UnknownPluginError,
} from './registry.ts';
export { built, createSettings, type Settings, SingletonSettings, settings } from './singleton.ts';
export { Child, Currency, definitionLog, Parent } from './static-blocks.ts';
export { ensureSymbolMetadata, metadataKey, metadataOf } from './symbol-metadata.ts';
