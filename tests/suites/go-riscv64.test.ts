// Go's standard-library tests and a goroutines program on riscv64 (support/go-suite.ts).
import { goSuite } from './support/go-suite.js';
goSuite('riscv64');
