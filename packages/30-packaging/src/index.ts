export { offlineEnv, type RunResult } from './_run.ts';
export {
  buildAllWithEsbuild,
  buildCjsWithEsbuild,
  buildWithTsc,
  cliBuilds,
  copySampleLib,
  declareCjsTypes,
  distFiles,
  removeDist,
  SAMPLE_LIB_DIR,
  type TscResult,
  transpileWithTsc,
} from './build.ts';
export {
  createConsumer,
  type Installed,
  installTarball,
  LIB_NAME,
  type Probe,
  runBin,
  runProbe,
  typecheckConsumer,
} from './consumer.ts';
export { CONDITIONS, type ExportsResolution, type ExportsTarget, resolveExports } from './exports-map.ts';
export { buildPackInstall, createWorkspace, type FlowResult, type Workspace } from './flow.ts';
export { npmPack, type PackResult } from './pack.ts';
export {
  compareVersions,
  describeRange,
  formatVersion,
  maxSatisfying,
  parseRange,
  parseVersion,
  type Range,
  SemverError,
  satisfies,
  type Version,
} from './semver.ts';
export { integrityOf, listTarball, type TarEntry } from './tarball.ts';
