// The login form's check, loaded lazily by LoginForm: the schema shared with the credentials
// provider (zod/mini) with its react-hook-form resolver.
import { zodResolver } from "@/components/forms/zod-resolver";
import type { Resolver } from "react-hook-form";
import { ZLoginSchema, type TLogin } from "@/lib/shared/auth/login-schema";

export const loginResolver: Resolver<TLogin> = zodResolver(ZLoginSchema);
