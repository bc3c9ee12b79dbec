// aarch64 guest programs under the default WebAssembly backend.
import { guestSuite } from './support/guest-suite.js';
guestSuite('aarch64', 'wasm');
