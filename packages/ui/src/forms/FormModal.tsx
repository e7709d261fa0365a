import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * The dialog every create/edit form uses: a vertical form inside a modal whose OK button
 * submits it, disabled while saving, not closed by a stray click on the mask (typed input
 * would be lost).
 */
export interface FormModalProps<Values> {
  open?: boolean;
  title: ReactNode;
  okText: ReactNode;
  form: FormInstance<Values>;
  pending: boolean;
  onClose: () => void;
  onFinish: (values: Values) => void;
  initialValues?: Partial<Values>;
  children: ReactNode;
}

export function FormModal<Values>({
  open = true,
  title,
  okText,
  form,
  pending,
  onClose,
  onFinish,
  initialValues,
  children,
}: FormModalProps<Values>) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={640}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={pending}
        style={{ marginTop: 16 }}
      >
        {children}
      </Form>
    </Modal>
  );
}
