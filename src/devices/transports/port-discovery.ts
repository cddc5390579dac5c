import { SerialPort } from 'serialport';
import HID from 'node-hid';

export interface DiscoveredPort {
  type: 'serial' | 'hid';
  /** /dev/ttyUSB0, COM3, or the HID path. */
  path: string;
  vendorId?: number;
  productId?: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

export interface PortListing {
  ports: DiscoveredPort[];
  /** A source that could not be listed (e.g. udevadm or libusb missing) and why; the others still come back. */
  problems: Array<{ source: 'serial' | 'hid'; message: string }>;
}

function parseHexId(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number.parseInt(value, 16);
  return Number.isFinite(n) ? n : undefined;
}

/** Serial ports and HID devices with vendor/product ids, for the technician's "which port is the reader on". */
export async function discoverPorts(): Promise<PortListing> {
  const listing: PortListing = { ports: [], problems: [] };
  try {
    for (const p of await SerialPort.list()) {
      listing.ports.push({
        type: 'serial',
        path: p.path,
        ...(parseHexId(p.vendorId) === undefined ? {} : { vendorId: parseHexId(p.vendorId) }),
        ...(parseHexId(p.productId) === undefined ? {} : { productId: parseHexId(p.productId) }),
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
        ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      });
    }
  } catch (error) {
    listing.problems.push({ source: 'serial', message: String((error as Error)?.message ?? error).slice(0, 200) });
  }
  try {
    for (const d of await HID.devicesAsync()) {
      listing.ports.push({
        type: 'hid',
        path: d.path ?? '',
        vendorId: d.vendorId,
        productId: d.productId,
        ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
        ...(d.product ? { product: d.product } : {}),
        ...(d.serialNumber ? { serialNumber: d.serialNumber } : {}),
      });
    }
  } catch (error) {
    listing.problems.push({ source: 'hid', message: String((error as Error)?.message ?? error).slice(0, 200) });
  }
  return listing;
}
