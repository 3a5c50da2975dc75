// Trades against a running standalone sandbox with the official Aptos TypeScript SDK, as Kana's TS
// docs do: GET (or POST) the write endpoint for its payload -> aptos.transaction.build.simple ->
// aptos.signAndSubmitTransaction -> waitForTransaction. Starts nothing itself.
//
//   java -jar ../target/kana-sandbox-standalone.jar --port 8090 &
//   npm install && SANDBOX_URL=http://127.0.0.1:8090 node check.mjs
//
// A fresh throw-away key is generated per run and never printed.
import { Account, Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";

const base = (process.env.SANDBOX_URL ?? "http://127.0.0.1:8090").replace(/\/$/, "");
const aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: `${base}/v1` }));
const account = Account.generate();
const wallet = account.accountAddress.toString();

async function api(path, body) {
  const response = await fetch(`${base}${path}`, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!json.success) throw new Error(`${path}: ${json.message}`);
  return json.data;
}

async function trade(label, path, body) {
  const payload = await api(path, body);
  const transaction = await aptos.transaction.build.simple({ sender: account.accountAddress, data: payload });
  const pending = await aptos.signAndSubmitTransaction({ signer: account, transaction });
  const committed = await aptos.waitForTransaction({ transactionHash: pending.hash, options: { checkSuccess: false } });
  console.log(`${committed.success ? "ok  " : "FAIL"} ${label.padEnd(28)} ${payload.function.split("::")[2]}`
    + ` (${payload.functionArguments.length} args) version ${committed.version}: ${committed.vm_status}`);
  if (!committed.success) process.exitCode = 1;
  return committed;
}

await api("/sandbox/fund", { address: wallet, amount: "1000", apt: "10" });
await trade("deposit", `/deposit?amount=100&userAddress=${wallet}`);
await trade("placeLimitOrder", "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=4.5&leverage=2");
await trade("placeMultipleOrders", "/placeMultipleOrders", {
  marketId: 1338, orderTypes: [true], tradeSides: [false], directions: [false], sizes: [1], leverages: [2],
  prices: [6], restriction: 0, restrictions: [0],
});
const open = await api(`/getOpenOrders?userAddress=${wallet}`);
console.log(`open orders: ${open.map((o) => `${o.order_id} order_type ${o.order_type}`).join(", ")}`);
// The side of a resting order is read from order_type: 3 long, 4 short.
await trade("cancelMultipleOrders", "/cancelMultipleOrders", {
  marketId: 1338, cancelOrderIds: open.map((o) => o.order_id), orderSides: open.map((o) => o.order_type === 3),
});
await trade("placeMarketOrder", "/placeMarketOrder?marketId=1338&tradeSide=true&direction=false&size=0.5&leverage=2");
await trade("withdrawSpecifiMarket", `/withdrawSpecifiMarket?marketId=1338&amount=10&userAddress=${wallet}`);
console.log(`wallet balance: ${JSON.stringify(await api(`/getWalletAccountBalance?userAddress=${wallet}`))}`);
