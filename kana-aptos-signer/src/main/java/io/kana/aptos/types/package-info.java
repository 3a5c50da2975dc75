/**
 * Move type tags: {@link io.kana.aptos.types.TypeTag#parse(String)} reads the type strings of module
 * ABIs and payloads ({@code vector<u64>}, {@code 0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>},
 * {@code T0}, {@code &signer}), {@link io.kana.aptos.types.TypeTag#encode} writes their BCS form.
 */
package io.kana.aptos.types;
