// The whole browser-host process (src/main/browser-host/cli.ts) with the kill point of kill-point.ts in front.
import './kill-point';
import '../../src/main/browser-host/cli';
