// Types for next.config.mjs where TypeScript code (next-config.test.ts) imports it.
import type { NextConfig } from "next";

declare const nextConfig: NextConfig;
export default nextConfig;
