// Preloaded (`node --import …/exit-on-epipe.ts demo.ts`) into every demo process the runner starts: the
// demo prints through the kit, which installs no process handlers of its own.
import { exitOnEpipe } from './epipe.ts';

exitOnEpipe();
