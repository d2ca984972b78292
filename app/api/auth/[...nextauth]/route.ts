import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

// Reset links are requested only through /forgot-password, whose action applies the per-identifier and per-network
// limits before calling the email provider in-process. Auth.js's own public endpoint for it would skip them.
const CLOSED = /^\/api\/auth\/signin\/nodemailer\/?$/;

const closed = () => Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

export const GET = (request: NextRequest) => (CLOSED.test(request.nextUrl.pathname) ? closed() : handlers.GET(request));
export const POST = (request: NextRequest) => (CLOSED.test(request.nextUrl.pathname) ? closed() : handlers.POST(request));
