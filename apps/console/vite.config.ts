import { defineSpaConfig } from '@wenming/ui/vite';
import { mergeConfig } from 'vite';

export default mergeConfig(defineSpaConfig({ base: '/console/', port: 5173 }), {
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The libraries every page needs from the first load, in one file. Left to the
              // automatic splitting, a library that lazy pages also import is moved into the
              // entry only when no other shared chunk imports it first; otherwise it lands in a
              // small chunk of its own, and each separately compressed chunk makes the first load
              // heavier. `$initial` keeps the parts only lazy pages use out of this file.
              name: 'framework',
              tags: ['$initial'],
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|i18next|react-i18next|@trpc[\\/][^\\/]+)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
