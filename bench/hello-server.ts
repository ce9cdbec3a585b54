// Baseline server for bench/catalog.ts: an Elysia hello-world route on the port given as the first argument.
import { Elysia } from 'elysia';

new Elysia().get('/hello', () => 'hello').listen(Number(process.argv[2]));
console.log('ready');
