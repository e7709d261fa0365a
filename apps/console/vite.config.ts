import { defineSpaConfig } from '@wenming/ui/vite';

export default defineSpaConfig({ base: '/console/', port: 5173 });
