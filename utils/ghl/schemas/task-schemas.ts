import { z } from 'zod';
import { optionalText } from './shared-fields';

/** A contact's task (apps/contacts.json `TaskSchema`). Title and status are what the panel shows. */
export const taskSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  body: optionalText,
  assignedTo: optionalText,
  dueDate: optionalText,
  completed: z.boolean(),
  contactId: optionalText,
});
export type GhlTask = z.infer<typeof taskSchema>;

/** `TasksListSuccessfulResponseDto`. */
export const taskListResponse = z.looseObject({ tasks: z.array(taskSchema) });

/** `TaskByIsSuccessfulResponseDto` (get, create, update, complete). */
export const taskResponse = z.looseObject({ task: taskSchema });

/** `CreateTaskParams`: title, due date and status are required. */
export const createTaskBody = z.strictObject({
  title: z.string(),
  body: z.string().optional(),
  dueDate: z.string(),
  completed: z.boolean(),
  assignedTo: z.string().optional(),
});
export type CreateTaskInput = z.input<typeof createTaskBody>;

/** `UpdateTaskBody`: any subset of the task's fields. */
export const updateTaskBody = createTaskBody.partial();
export type UpdateTaskInput = z.input<typeof updateTaskBody>;

/** `UpdateTaskStatusParams` (PUT …/tasks/:taskId/completed). */
export const taskCompletedBody = z.strictObject({ completed: z.boolean() });
