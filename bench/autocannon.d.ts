// The part of autocannon 8's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Headers = Record<string, string | string[]>;

  export type AutocannonRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
  };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
    /** Called once per connection when it is created (not in workers mode). */
    setupClient?: (client: AutocannonClient) => void;
  };

  /** One connection: what setupClient may change before its first request. */
  export type AutocannonClient = { setBody(body: string): void; setHeaders(headers: Record<string, string>): void };

  export type AutocannonHistogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  };

  export type AutocannonResult = {
    requests: AutocannonHistogram;
    latency: AutocannonHistogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds actually run. */
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  /** The run in progress: awaitable for its result; stop() ends it at the next one-second tick. */
  export type AutocannonInstance = PromiseLike<AutocannonResult> & { stop(): void };

  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
