// zod for the whole application: Dutch messages for every rule a schema does not word itself
// (configured once, for classic zod and zod/mini alike). The one way to turn a refusal into
// messages per field is invalidFromZod (lib/shared/result.ts).
//
// Form schemas that the browser also runs are written with zod/mini, imported as
// `import * as z from "zod/mini"`. Classic zod weighs about 40 kB gzip in a page; zod/mini about
// 25 kB, because Turbopack does not tree-shake it, so the wizard, login and verbeterplan forms load
// their schema just after the page is usable (components/forms/lazy-resolver.ts). In the browser
// the Dutch messages arrive with the resolver (components/forms/zod-resolver.ts).
import { config } from "zod/mini";
import nl from "zod/v4/locales/nl.js";

config(nl());
