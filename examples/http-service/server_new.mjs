// The new scoring service: validation moved up front, arithmetic rearranged. It now rejects a
// customer without an email (HTTP 422) where the old one scored it: twinrun shows that change.
import http from "node:http";

function validate(customer) {
  return typeof customer.email === "string" ? undefined : "email is required";
}

function score(customer) {
  const bonus = customer.email.endsWith(".com") ? 5 : 0;
  const base = 10 * customer.orders + bonus;
  return { id: customer.id, score: base * (1 / 3), tier: base >= 50 ? "gold" : "standard" };
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
    const customer = JSON.parse(body);
    const problem = validate(customer);
    if (problem !== undefined) {
      response.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ error: problem }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(score(customer)));
  });
});

server.listen(Number(process.env.TWINRUN_PORT ?? 8080), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
