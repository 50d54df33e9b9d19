// The old scoring service: POST /score with one customer as JSON, answers {id, score, tier}.
// Listens on 127.0.0.1:$TWINRUN_PORT (twinrun picks a free port when it starts the service).
import http from "node:http";

function score(customer) {
  const email = customer.email ?? "";
  const base = customer.orders * 10 + (email.endsWith(".com") ? 5 : 0);
  return { id: customer.id, score: base / 3, tier: base >= 50 ? "gold" : "standard" };
}

const server = http.createServer((request, response) => {
  if (request.method === "GET" && request.url === "/health") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify(score(JSON.parse(body))));
  });
});

server.listen(Number(process.env.TWINRUN_PORT ?? 8080), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
