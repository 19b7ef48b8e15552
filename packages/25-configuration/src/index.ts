export {
  type AppSettings,
  appSettingsSchema,
  buildAppSettingsSchema,
  ENV_EXAMPLE_HEADER,
  loadAppSettings,
} from './app-settings.ts';
export { envBoolean, envInt, envList, envPort, type IntOptions } from './coerce.ts';
export {
  ConfigError,
  type ConfigIssue,
  describeValue,
  formatIssues,
  SOURCE_NAMES,
  type Source,
} from './config-error.ts';
export { type DeepReadonly, deepFreeze } from './deep-freeze.ts';
export { renderEnvExample, type SettingMeta } from './env-example.ts';
export { type EnvEntry, type EnvFileProblem, type ParsedEnvFile, parseEnvFile } from './env-file.ts';
export { type EnvFileInput, type LayerOptions, type Layers, resolveLayers } from './layers.ts';
export { loadSettings, type Settings, type SettingsSchema } from './load-settings.ts';
export { loadEnvFileInChild, roundTripThroughProcessEnv } from './node-env.ts';
export { isSecretSchema, REDACTED, Secret, secret } from './secret.ts';
