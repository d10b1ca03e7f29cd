// A `--require` preload that refuses every connection, DNS lookup and datagram to anything but this machine, and logs each attempt.
// Used as NODE_OPTIONS=--require <this file> so that child processes and worker threads carry it too.
// Attempts are appended to $TIECHECK_DENY_NETWORK_LOG (one line each) because a caller may swallow the error we throw.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: a --require preload must patch the modules synchronously, before anything else loads. */
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');
const fs = require('node:fs');

const LOG = process.env.TIECHECK_DENY_NETWORK_LOG;
const { isMainThread } = require('node:worker_threads');

// So that a test can tell the guard was really loaded in the process it cares about, not only in a launcher.
if (LOG) fs.appendFileSync(`${LOG}.armed`, `${process.pid} ${isMainThread ? 'main' : 'worker'} ${process.argv.slice(1).join(' ')}\n`);

function isLoopbackHost(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default host is localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d+\.\d+\.\d+$/.test(h)) return true;
  return /^127\.\d+\.\d+\.\d+$/.test(h);
}

function refuse(what, target) {
  const line = `denyNetwork: refused ${what} to ${target} (pid ${process.pid})`;
  if (LOG) {
    try {
      fs.appendFileSync(LOG, line + '\n');
    } catch {
      // The log is a convenience for the test; the refusal itself must still happen.
    }
  }
  const err = new Error(line);
  err.code = 'ERR_TIECHECK_NETWORK_DENIED';
  return err;
}

/** net.Socket#connect(options | port[, host] | path, …): sockets on a path are local (Unix sockets, pipes). */
function connectTarget(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // the internal normalized form [options, cb]
  if (first && typeof first === 'object') {
    if (first.path) return null;
    return { host: first.host, port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a path
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = connectTarget(args);
  if (target && !isLoopbackHost(target.host)) throw refuse('a connection', `${target.host}:${target.port}`);
  return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, ...rest) {
  if (!isLoopbackHost(hostname)) throw refuse('a DNS lookup', hostname);
  return originalLookup.call(this, hostname, ...rest);
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function lookup(hostname, ...rest) {
  if (!isLoopbackHost(hostname)) return Promise.reject(refuse('a DNS lookup', hostname));
  return originalPromiseLookup.call(this, hostname, ...rest);
};
// Every other resolver call asks a name server, which is never on this machine's loopback in practice.
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveMx', 'resolveTxt', 'resolveSrv', 'resolveNs', 'resolveCname', 'reverse']) {
  dns[name] = (query) => {
    throw refuse(`a DNS query (${name})`, query);
  };
  dns.promises[name] = (query) => Promise.reject(refuse(`a DNS query (${name})`, query));
}

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function send(msg, ...rest) {
  // send(msg[, offset, length], port[, address][, callback]): the address is the first string after the numbers.
  const address = rest.find((a) => typeof a === 'string');
  if (!isLoopbackHost(address)) throw refuse('a datagram', address ?? '(default)');
  return originalSend.call(this, msg, ...rest);
};
const originalDgramConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function connect(port, address, ...rest) {
  if (!isLoopbackHost(typeof address === 'string' ? address : undefined)) throw refuse('a datagram connection', `${address}:${port}`);
  return originalDgramConnect.call(this, port, address, ...rest);
};
