import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };
type Handler = (request: Request, context: Context) => Promise<Response>;

// Built per request so that configuration is read at run time, not at build time.
const handler = route<Context>("/api/auth", (request, context) => (NextAuth(authOptions()) as Handler)(request, context));

export { handler as GET, handler as POST };
