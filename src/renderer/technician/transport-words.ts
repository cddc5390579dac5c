import type { TFunction } from 'i18next';
import type { DeviceTransportConfig } from '../../shared/config/site-config';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A device's connection in the technician's language (technician:transport.*), from the config the core sends. */
export function transportWords(t: TFunction, transport: DeviceTransportConfig): string {
  switch (transport.type) {
    case 'serial':
      return t('technician:transport.serial', { path: transport.path, baudRate: transport.baudRate });
    case 'hid':
      return t('technician:transport.hid', { vendorId: hex4(transport.vendorId), productId: hex4(transport.productId) });
    case 'media':
      return transport.label ? t('technician:transport.media', { label: transport.label }) : t('technician:transport.mediaDefault');
    case 'systemPrinter':
      return t('technician:transport.systemPrinter', { name: transport.name });
    case 'simulated':
      return t('technician:transport.simulated');
  }
}
