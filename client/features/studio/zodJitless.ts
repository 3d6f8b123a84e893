// Imported first by StudioArea.tsx, before anything that builds or runs a zod schema. The studio
// checks scenarios with zod in the browser, and zod probes `new Function` once to decide whether to
// compile its parsers. Under the server's CSP (script-src 'self', no eval) the probe throws and is
// caught, yet the browser still reports a securitypolicyviolation. Compiled parsers are impossible
// under that CSP anyway, so jitless only drops the probe.
import { z } from 'zod';

z.config({ jitless: true });
