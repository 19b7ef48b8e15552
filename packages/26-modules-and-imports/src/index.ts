export { FIXTURES, type NodeRun, runNode } from './_node.ts';
export { type ColdImport, coldImport, type ModuleGraph, writeModuleGraph } from './barrel.ts';
export {
  CYCLE_CASES,
  type CycleCase,
  EXPECTED_LINES,
  runCycle,
  runCycleEnteredFromCustomers,
} from './circular.ts';
export { emittedImport, TYPE_IMPORTS, type TypeImportForm } from './import-type.ts';
export { exportReport, spreadsheetModuleLoads } from './lazy.ts';
export {
  EXPORTS_CASES,
  type ExportsCase,
  runBindings,
  runEmptyImport,
  runExportsCase,
  runLoadOrder,
  runRequireEsm,
} from './module-systems.ts';
