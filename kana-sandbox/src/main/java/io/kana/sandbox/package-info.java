/**
 * An embedded Kana trade API, WebSocket API and Aptos node on loopback: {@link io.kana.sandbox.KanaSandbox} (start one),
 * {@link io.kana.sandbox.SandboxExtension} (JUnit 5), {@link io.kana.sandbox.SandboxFaults} (inject faults),
 * {@link io.kana.sandbox.ContractDrift} (run an upgraded contract) and {@link io.kana.sandbox.SandboxMain} (run it
 * standalone).
 *
 * <p>The parts, from the outside in: {@code http} and {@code stream} (the surfaces) over {@code wire} (the JSON
 * views), {@code exchange} (the simulated Kana module) and {@code chain} (the simulated node); each part sees only
 * the parts inside it, and {@link io.kana.sandbox.KanaSandbox} wires them.
 */
package io.kana.sandbox;
