import { z } from 'zod';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * A contact's task (apps/contacts.json `TaskSchema`). Title and status are what the panel shows,
 * but the spec requires neither: a task without them is still a task ("Untitled task", open).
 */
export const taskSchema = z.looseObject({
  id: z.string(),
  title: optionalText,
  body: optionalText,
  assignedTo: optionalText,
  dueDate: optionalText,
  completed: z.boolean().nullish(),
  contactId: optionalText,
});
export type GhlTask = z.infer<typeof taskSchema>;

/** `TasksListSuccessfulResponseDto`. */
export const taskListResponse = z.looseObject({ tasks: tolerantList(taskSchema) });

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
