import { redirect } from "next/navigation";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";

export default async function Home() {
  redirect((await findSignedIn("full")) ? "/account" : "/sign-in");
}
