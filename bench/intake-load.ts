/**
 * The load generator of the intake figure, run as its own process (`tsx bench/intake-load.ts`)
 * so it does not share an event loop with the measured server: autocannon posting publications
 * to POST /api/v1/publications, each with a unique externalId, spread over the municipalities'
 * API keys as a curator's system serving the region would. Prints autocannon's result as JSON.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { benchApiKey } from "./seed";

const [url = "http://127.0.0.1:3410", seconds = "15", connections = "10", municipalities = "50"] =
  process.argv.slice(2);
const runId = randomUUID().slice(0, 8);
let counter = 0;

const result = await autocannon({
  url: `${url}/api/v1/publications`,
  method: "POST",
  duration: Number(seconds),
  connections: Number(connections),
  requests: [
    {
      setupRequest: (request) => {
        counter += 1;
        const municipality = 1 + (counter % Number(municipalities));
        return {
          ...request,
          headers: { authorization: `Bearer ${benchApiKey(municipality)}`, "content-type": "application/json" },
          body: JSON.stringify({
            externalId: `BENCH-${runId}-${counter}`,
            network: "VK",
            url: `https://vk.com/wall-${municipality}_${runId}${counter}`,
            text: "Нет воды третий день, когда дадут? Обращение из нагрузочного теста.",
            authorName: "Житель",
          }),
        };
      },
    },
  ],
});
process.stdout.write(`${JSON.stringify(result)}\n`);
