// aarch64 guest programs under the reference IR interpreter backend.
import { guestSuite } from './support/guest-suite.js';
guestSuite('aarch64', 'interp');
