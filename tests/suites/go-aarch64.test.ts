// Go's standard-library tests and a goroutines program on aarch64 (support/go-suite.ts).
import { goSuite } from './support/go-suite.js';
goSuite('aarch64');
