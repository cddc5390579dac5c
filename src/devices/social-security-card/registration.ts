import { cardReaderRegistration } from '../manager/byte-line-registration';
import { SocialSecurityCardSimulator } from '../simulators/social-security-card-simulator';
import { SocialSecurityCardReader } from './social-security-card-reader';

/** The social security card reader's entry in the device registry. */
export const socialSecurityCardReaderRegistration = cardReaderRegistration('socialSecurityCardReader', 'ss-card', {
  name: 'social security card reader',
  Reader: SocialSecurityCardReader,
  Simulator: SocialSecurityCardSimulator,
});
