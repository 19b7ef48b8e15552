import { join } from 'node:path';
import { mustRun } from './_run.ts';
import { integrityOf, listTarball, readTarball, type TarEntry } from './tarball.ts';

export interface PackResult {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** What npm says it packed (`npm pack --json`). */
  npmFiles: string[];
  /** What the tarball really holds, read back from its bytes. */
  entries: TarEntry[];
  /** npm's sha512 of the tarball, as a lockfile records it. */
  integrity: string;
  /** The same, computed here from the bytes. */
  computedIntegrity: string;
}

interface NpmPackJson {
  filename: string;
  integrity: string;
  files: { path: string }[];
}

/** `npm pack` into `destination`, offline: a package without dependencies needs no registry to pack. */
export async function npmPack(
  libDir: string,
  destination: string,
  env: Record<string, string>,
): Promise<PackResult> {
  const { stdout } = await mustRun('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: libDir,
    env,
  });
  const [report] = JSON.parse(stdout) as NpmPackJson[];
  if (!report) throw new Error(`npm pack printed no report: ${stdout.slice(0, 500)}`);
  const tarball = join(destination, report.filename);
  const bytes = readTarball(tarball);
  return {
    tarball,
    npmFiles: report.files.map((f) => f.path).sort(),
    entries: listTarball(bytes),
    integrity: report.integrity,
    computedIntegrity: integrityOf(bytes),
  };
}
