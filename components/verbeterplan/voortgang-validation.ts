// The progress form's check, loaded lazily by VoortgangForm: the schema shared with the server.
import { zodResolver } from "@/components/forms/zod-resolver";
import type { Resolver } from "react-hook-form";
import { ZVoortgangSchema, type TVoortgang } from "@/lib/shared/verbeterplan/schema";

export const voortgangResolver: Resolver<TVoortgang> = zodResolver(ZVoortgangSchema);
