/**
 * Validators for core Kubernetes kinds, from the kubernetes-models package (ajv code generated
 * from the Kubernetes OpenAPI schema). That package is ESM-only, so this one module is ESM and
 * the CommonJS engine loads it with require() (Node 20.19+); esbuild bundles it either way.
 */
import { validate as v0 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as v1 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as v2 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet';
import { validate as v3 } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as v4 } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as v5 } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as v6 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as v7 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as v8 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as v9 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as v10 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaim';
import { validate as v11 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolume';
import { validate as v12 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as v13 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount';
import { validate as v14 } from 'kubernetes-models/_schemas/IoK8sApiStorageV1StorageClass';
import { validate as v15 } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as v16 } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as v17 } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as v18 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1Role';
import { validate as v19 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding';
import { validate as v20 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole';
import { validate as v21 } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** `apiVersion/kind` -> validator. */
export const CORE_VALIDATORS: Record<string, GeneratedValidator> = {
  'apps/v1/Deployment': v0,
  'apps/v1/StatefulSet': v1,
  'apps/v1/ReplicaSet': v2,
  'apps/v1/DaemonSet': v3,
  'batch/v1/Job': v4,
  'batch/v1/CronJob': v5,
  'v1/Pod': v6,
  'v1/Service': v7,
  'v1/ConfigMap': v8,
  'v1/Secret': v9,
  'v1/PersistentVolumeClaim': v10,
  'v1/PersistentVolume': v11,
  'v1/Namespace': v12,
  'v1/ServiceAccount': v13,
  'storage.k8s.io/v1/StorageClass': v14,
  'policy/v1/PodDisruptionBudget': v15,
  'networking.k8s.io/v1/Ingress': v16,
  'networking.k8s.io/v1/NetworkPolicy': v17,
  'rbac.authorization.k8s.io/v1/Role': v18,
  'rbac.authorization.k8s.io/v1/RoleBinding': v19,
  'rbac.authorization.k8s.io/v1/ClusterRole': v20,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': v21,
};
