export { CATALOGUE, type Explanation, explain } from './catalogue.ts';
export { type Diagnostic, shortForm, sortDiagnostics } from './diagnostic.ts';
export { ciSteps, runPipeline, type Step, type StepOutcome, type StepResult } from './pipeline.ts';
export {
  type CommitAttempt,
  commitCount,
  createHookedRepo,
  type HookedRepo,
  hookScript,
  tryCommit,
} from './pre-commit.ts';
export {
  BIOME_BIN,
  type BiomeCommand,
  parseBiomeJson,
  parseTscOutput,
  runBiome,
  runNode,
  runTsc,
  type ToolRun,
  TSC_BIN,
} from './run-tools.ts';
export {
  Checker,
  createParseCache,
  type FlagFinding,
  flagReport,
  type ParseCache,
  STRICT_FLAGS,
  type StrictFlag,
} from './strict-flags.ts';
export { BIOME_CONFIG, COMPILER_OPTIONS } from './tool-config.ts';
export { createWorkspace, type FixtureName, fixturesDir, type Workspace } from './workspace.ts';
