const example = `curl -s http://127.0.0.1:3000/api/chat \\
  -H 'content-type: application/json' \\
  -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello <b>world</b>"}]}'`;

export default function Home() {
  return (
    <main>
      <h1>llmguard + Next.js</h1>
      <p>
        <code>POST /api/chat</code> is an OpenAI-compatible chat route wrapped in <code>withLlmGuard()</code>. The mock model
        echoes the last user message; add <code>&quot;stream&quot;: true</code> for server-sent events. Prompts containing
        &ldquo;ignore previous instructions&rdquo; are answered with a 400 error, and the answer&apos;s HTML is escaped.
      </p>
      <pre>{example}</pre>
    </main>
  );
}
