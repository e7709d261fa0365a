import { useMutation } from '@tanstack/react-query';
import { apiErrorInfo, loadWorkStrings, useErrorMessage, useToast, useTRPC } from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { useInvalidateCampaign } from '../useInvalidateCampaign';

loadWorkStrings();

/**
 * Quick task changes (status from a select or the board). When someone else changed the
 * task first, say so and show their version; the user can then try again.
 */
export function useUpdateTask() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCampaign();
  return useMutation(
    trpc.task.update.mutationOptions({
      onSuccess: (task) => {
        toast.success(t('task.statusSaved', { title: task.title, status: t(`taskStatus.${task.status}`) }));
        invalidate();
      },
      onError: (error) => {
        if (apiErrorInfo(error).appCode === 'STALE_VERSION') toast.warning(t('task.staleReloaded'));
        else toast.error(errorMessage(error));
        invalidate();
      },
    }),
  );
}
