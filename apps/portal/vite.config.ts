import { defineSpaConfig } from '@wenming/ui/vite';

export default defineSpaConfig({ base: '/portal/', port: 5174 });
