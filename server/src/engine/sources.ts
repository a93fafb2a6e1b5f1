/** The upstream sources rule docs cite, as named in the project's reference notes (shared/reference). */
import type { RuleSource } from './types';

/** Sources, as cited in the project's reference notes (shared/reference). */
export const SOURCES = {
  harvesterSingleNode: {
    title: 'Harvester docs v1.6: single-node clusters (advanced/singlenodeclusters.md)',
    url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.6/advanced/singlenodeclusters.md',
  },
  harvesterConfigDocs: {
    title: 'Harvester docs v1.6: Harvester configuration (install/harvester-configuration.md)',
    url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.6/install/harvester-configuration.md',
  },
  harvesterInstallerCos: {
    title: 'harvester-installer pkg/config/cos.go (setConfigDefaultValues: replica_count 0 means 3, >3 clamped)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/config/cos.go',
  },
  harvesterRequirements: {
    title: 'Harvester docs v1.6: hardware and network requirements (install/requirements.md)',
    url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.6/install/requirements.md',
  },
  longhornScParameters: {
    title: 'Longhorn docs 1.12.2: StorageClass parameters',
    url: 'https://github.com/longhorn/website/blob/master/content/docs/1.12.2/references/storage-class-parameters.md',
  },
  longhornVolumeMutator: {
    title: 'longhorn-manager webhook/resources/volume/mutator.go (0 or absent replicas -> default-replica-count)',
    url: 'https://github.com/longhorn/longhorn-manager/blob/5ddaa369/webhook/resources/volume/mutator.go',
  },
  longhornScheduling: {
    title: 'Longhorn docs 1.12.2: node-level replica anti-affinity (nodes-and-volumes/nodes/scheduling.md)',
    url: 'https://github.com/longhorn/website/blob/master/content/docs/1.12.2/nodes-and-volumes/nodes/scheduling.md',
  },
  k8sStorageClassApi: {
    title: 'Kubernetes API: StorageClass parameters are map[string]string',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/storage-class-v1/',
  },
  kubevirtEvictionAdmitter: {
    title: 'KubeVirt pod-eviction-admitter.go (evictions of LiveMigrate/External VMIs are denied)',
    url: 'https://github.com/kubevirt/kubevirt/blob/d923fdb8/pkg/virt-api/webhooks/validating-webhook/admitters/pod-eviction-admitter.go',
  },
  kubevirtMigrationTarget: {
    title: 'KubeVirt migration.go (migration target pod must avoid the source node)',
    url: 'https://github.com/kubevirt/kubevirt/blob/d923fdb8/pkg/virt-controller/watch/migration/migration.go',
  },
  kubevirtApiTypes: {
    title: 'KubeVirt API types.go (EvictionStrategy values)',
    url: 'https://github.com/kubevirt/kubevirt/blob/d923fdb8/staging/src/kubevirt.io/api/core/v1/types.go',
  },
  k8sAssignPod: {
    title: 'Kubernetes docs: assigning pods to nodes, inter-pod anti-affinity',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
  },
  ingressReplicas: {
    title: 'cluster-ingress-operator pkg/operator/controller/ingress/replicas.go (DetermineReplicas: 1 on SingleReplica)',
    url: 'https://github.com/openshift/cluster-ingress-operator/blob/acca9642a813/pkg/operator/controller/ingress/replicas.go',
  },
  ingressDeployment: {
    title: 'cluster-ingress-operator pkg/operator/controller/ingress/deployment.go (HostNetwork routers bind 80/443/1936)',
    url: 'https://github.com/openshift/cluster-ingress-operator/blob/acca9642a813/pkg/operator/controller/ingress/deployment.go',
  },
  snoInstallDocs: {
    title: 'OpenShift docs: installing OpenShift on a single node (install-sno-generating-the-install-iso-manually)',
    url: 'https://github.com/openshift/openshift-docs/blob/main/modules/install-sno-generating-the-install-iso-manually.adoc',
  },
  installerBootstrapInPlace: {
    title: 'openshift/installer pkg/asset/ignition/bootstrap/bootstrap_in_place.go ("bootstrap in place requires a single ControlPlane replica")',
    url: 'https://github.com/openshift/installer/blob/main/pkg/asset/ignition/bootstrap/bootstrap_in_place.go',
  },
  installerAgentInstallConfig: {
    title: 'openshift/installer pkg/asset/agent/installconfig.go (validateSNOConfiguration)',
    url: 'https://github.com/openshift/installer/blob/main/pkg/asset/agent/installconfig.go',
  },
  mcoHelpers: {
    title: 'machine-config-operator pkg/helpers/helpers.go (GetPoolsForNode: a master+worker node lives in the master pool)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/pkg/helpers/helpers.go',
  },
  mcoSingleNode: {
    title: 'machine-config-operator docs/SingleNodeOpenShift.md',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/docs/SingleNodeOpenShift.md',
  },
  k8sHostPort: {
    title: 'Kubernetes docs: configuration best practices (hostPort limits where a pod can be scheduled)',
    url: 'https://kubernetes.io/docs/concepts/configuration/overview/#services',
  },
  k8sTopologySpread: {
    title: 'Kubernetes docs: pod topology spread constraints (minDomains, whenUnsatisfiable)',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
  },
  k8sTopologySpreadFilter: {
    title: 'kube-scheduler pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (missing topology label: UnschedulableAndUnresolvable)',
    url: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/scheduler/framework/plugins/podtopologyspread/filtering.go',
  },
  k8sRollingUpdate: {
    title: 'Kubernetes docs: Deployment rolling update (maxUnavailable rounds down, maxSurge rounds up, 25% defaults)',
    url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment',
  },
  k8sPdb: {
    title: 'Kubernetes docs: specifying a disruption budget (configure-pdb)',
    url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
  },
  k8sDrain: {
    title: 'Kubernetes docs: safely drain a node (evictions respect PodDisruptionBudgets)',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/',
  },
  k8sDefaultStorageClass: {
    title: 'Kubernetes docs: changing the default StorageClass',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/change-default-storage-class/',
  },
  harvesterStorageClassWebhook: {
    title: 'Harvester pkg/webhook/resources/storageclass/validator.go (only one default StorageClass; dataLocality)',
    url: 'https://github.com/harvester/harvester/blob/3d63c2af/pkg/webhook/resources/storageclass/validator.go',
  },
  k8sApiConventions: {
    title: 'Kubernetes docs: field validation (unknown and duplicate fields)',
    url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  },
  helmTemplate: {
    title: 'Helm docs: helm template (render chart templates locally)',
    url: 'https://helm.sh/docs/helm/helm_template/',
  },
  yamlSpec: {
    title: 'YAML 1.1 specification (the dialect Kubernetes and the installers decode)',
    url: 'https://yaml.org/spec/1.1/',
  },
  harvesterInstallerValidator: {
    title: 'harvester-installer pkg/console/validator.go (commonCheck, checkToken, checkNetworks, checkVip, scheme version)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/console/validator.go',
  },
  harvesterInstallerPanels: {
    title: 'harvester-installer pkg/console/install_panels.go (automatic install flow, VIP from DHCP, scheme version in interactive installs)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/console/install_panels.go',
  },
  harvesterInstallerUtil: {
    title: 'harvester-installer pkg/console/util.go (needToGetVIPFromDHCP)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/console/util.go',
  },
  harvesterInstallerConfig: {
    title: 'harvester-installer pkg/config/config.go and constants.go (config struct, install modes, SchemeVersion = 1)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/config/config.go',
  },
  harvesterInstallerDisk: {
    title: 'harvester-installer pkg/util/disk.go (ParsePartitionSize: ^\\d+(Mi|Gi)$, minimum 150 Gi)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/util/disk.go',
  },
  harvesterInstallerPreflight: {
    title: 'harvester-installer pkg/preflight/checks.go (CPU, memory, KVM, NIC speed checks skipped by skipchecks)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/preflight/checks.go',
  },
  harvesterInstallerLonghornTemplate: {
    title: 'harvester-installer pkg/config/templates/rancherd-10-harvester.yaml (Longhorn nodeDrainPolicy allow-if-replica-is-stopped)',
    url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/config/templates/rancherd-10-harvester.yaml',
  },
  harvesterConfigDocsV17: {
    title: 'Harvester docs v1.7: Harvester configuration (install/harvester-configuration.md)',
    url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.7/install/harvester-configuration.md',
  },
  harvesterStorageClassValidator: {
    title: 'harvester pkg/webhook/resources/storageclass/validator.go (dataLocality must be disabled or best-effort)',
    url: 'https://github.com/harvester/harvester/blob/3d63c2af/pkg/webhook/resources/storageclass/validator.go',
  },
  harvesterStorageClassDocs: {
    title: 'Harvester docs v1.6: StorageClass (advanced/storageclass.md)',
    url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.6/advanced/storageclass.md',
  },
  harvesterImageMutator: {
    title: 'harvester pkg/image/common/mutator.go (mergeStorageClassParams: base StorageClass or the image\'s own parameters)',
    url: 'https://github.com/harvester/harvester/blob/3d63c2af/pkg/image/common/mutator.go',
  },
  harvesterImageUtil: {
    title: 'harvester pkg/util/image.go (GetImageDefaultStorageClassParameters: numberOfReplicas "3")',
    url: 'https://github.com/harvester/harvester/blob/3d63c2af/pkg/util/image.go',
  },
  longhornSettingTypes: {
    title: 'longhorn-manager types/setting.go (default-replica-count, node-drain-policy)',
    url: 'https://github.com/longhorn/longhorn-manager/blob/5ddaa369/types/setting.go',
  },
  longhornSettingsDocs: {
    title: 'Longhorn docs 1.12.2: settings reference',
    url: 'https://github.com/longhorn/website/blob/master/content/docs/1.12.2/references/settings.md',
  },
  longhornMaintenanceDocs: {
    title: 'Longhorn docs 1.12.2: node maintenance and the node drain policy (maintenance/maintenance.md)',
    url: 'https://github.com/longhorn/website/blob/master/content/docs/1.12.2/maintenance/maintenance.md',
  },
  kubevirtVmsAdmitter: {
    title: 'KubeVirt vms-admitter.go ("spec.running is deprecated", running and runStrategy are mutually exclusive)',
    url: 'https://github.com/kubevirt/kubevirt/blob/d923fdb8/pkg/virt-api/webhooks/validating-webhook/admitters/vms-admitter.go',
  },
  kubevirtRunStrategies: {
    title: 'KubeVirt user guide: run strategies (docs/compute/run_strategies.md)',
    url: 'https://github.com/kubevirt/user-guide/blob/bf1f3564/docs/compute/run_strategies.md',
  },
  kubevirtInstallation: {
    title: 'KubeVirt user guide: installation, hardware virtualization and useEmulation (docs/cluster_admin/installation.md)',
    url: 'https://github.com/kubevirt/user-guide/blob/bf1f3564/docs/cluster_admin/installation.md',
  },
  kubevConfigGuide: {
    title: 'Kubermatic Virtualization docs: configuration guide (KubeVCluster)',
    url: 'https://github.com/kubermatic/docs/blob/1fb86c41/content/kubermatic-virtualization/main/configuration-guide/_index.en.md',
  },
  kubevApiReference: {
    title: 'Kubermatic Virtualization docs: KubeVCluster v1alpha1 API reference',
    url: 'https://github.com/kubermatic/docs/blob/1fb86c41/content/kubermatic-virtualization/main/references/kubev-cluster-v1alpha1/_index.en.md',
  },
  kubevSingleNode: {
    title: 'Kubermatic Virtualization docs: single-node deployment requirements',
    url: 'https://github.com/kubermatic/docs/blob/1fb86c41/content/kubermatic-virtualization/main/architecture/requirements/single-node-deployment/_index.en.md',
  },
  installerDefaults: {
    title: 'openshift/installer pkg/types/defaults/installconfig.go (SetInstallConfigDefaults: default networkType, a worker pool when compute is empty)',
    url: 'https://github.com/openshift/installer/blob/main/pkg/types/defaults/installconfig.go',
  },
  installerValidation: {
    title: 'openshift/installer pkg/types/validation/installconfig.go (ValidateInstallConfig: networkType required, OpenShiftSDN rejected)',
    url: 'https://github.com/openshift/installer/blob/main/pkg/types/validation/installconfig.go',
  },
  installerMasterMachines: {
    title: 'openshift/installer pkg/asset/machines/master.go (supportedSingleNodePlatform)',
    url: 'https://github.com/openshift/installer/blob/main/pkg/asset/machines/master.go',
  },
  installerAgentConfigType: {
    title: 'openshift/installer pkg/types/agent/agent_config_type.go (AgentConfigVersion = "v1beta1")',
    url: 'https://github.com/openshift/installer/blob/main/pkg/types/agent/agent_config_type.go',
  },
  installerAgentConfigConversion: {
    title: 'openshift/installer pkg/types/agent/conversion/agentconfig.go (v1alpha1 up-conversion; "no version was provided")',
    url: 'https://github.com/openshift/installer/blob/main/pkg/types/agent/conversion/agentconfig.go',
  },
  assistedInventory: {
    title: 'assisted-service internal/bminventory/inventory.go (OpenShiftSDN is not allowed in single node mode)',
    url: 'https://github.com/openshift/assisted-service/blob/063b257950f7/internal/bminventory/inventory.go',
  },
  assistedValidations: {
    title: 'assisted-service internal/cluster/validations/validations.go (ValidateControlPlaneCountWithPlatform)',
    url: 'https://github.com/openshift/assisted-service/blob/063b257950f7/internal/cluster/validations/validations.go',
  },
  openshiftApiMachineConfig: {
    title: 'openshift/api machineconfiguration/v1/types.go (MachineConfigSpec, MachineConfigPoolSpec, KubeletConfigSpec, ContainerRuntimeConfigSpec)',
    url: 'https://github.com/openshift/api/blob/2a3d73913b5a/machineconfiguration/v1/types.go',
  },
  mcoCommonHelpers: {
    title: 'machine-config-operator pkg/controller/common/helpers.go (MachineConfig validation: kernelType, extensions, Ignition)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/pkg/controller/common/helpers.go',
  },
  mcoUpdate: {
    title: 'machine-config-operator pkg/daemon/update.go (calculatePostConfigChangeAction: which changes reboot)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/pkg/daemon/update.go',
  },
  mcoDaemonDocs: {
    title: 'machine-config-operator docs/MachineConfigDaemon.md (Rebootless Updates)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/docs/MachineConfigDaemon.md',
  },
  mcoNodeDisruptionPolicy: {
    title: 'machine-config-operator docs/NodeDisruptionPolicy.md',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/docs/NodeDisruptionPolicy.md',
  },
  mcoDrain: {
    title: 'machine-config-operator pkg/daemon/drain.go (no drain on single-node clusters; graceful node shutdown instead)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/pkg/daemon/drain.go',
  },
  mcoMasterPool: {
    title: 'machine-config-operator manifests/master.machineconfigpool.yaml (the master pool and its labels)',
    url: 'https://github.com/openshift/machine-config-operator/blob/7ff337a4ffac/manifests/master.machineconfigpool.yaml',
  },
  mcoKubeletTemplate: {
    title: 'machine-config-operator templates/master/01-master-kubelet/_base/files/kubelet.yaml (no shutdown grace period outside DualReplica)',
    url: 'https://github.com/openshift/machine-config-operator/blob/6618f142/templates/master/01-master-kubelet/_base/files/kubelet.yaml',
  },
  mcpPausedRunbook: {
    title: 'OpenShift runbooks: MachineConfigControllerPausedPoolKubeletCA',
    url: 'https://github.com/openshift/runbooks/blob/master/alerts/machine-config-operator/MachineConfigControllerPausedPoolKubeletCA.md',
  },
  mcpPausedBlog: {
    title: 'Red Hat blog: the consequences of pausing MachineConfig pools in OpenShift\'s Machine Config Operator',
    url: 'https://www.redhat.com/en/blog/the-consequences-of-pausing-machineconfig-pools-in-openshifts-machine-config-operator-mco',
  },
  ntoPerformanceProfileTypes: {
    title: 'cluster-node-tuning-operator pkg/apis/performanceprofile/v2/performanceprofile_types.go',
    url: 'https://github.com/openshift/cluster-node-tuning-operator/blob/d2394aa81ffe/pkg/apis/performanceprofile/v2/performanceprofile_types.go',
  },
  ntoPerformanceProfileValidation: {
    title: 'cluster-node-tuning-operator performanceprofile_validation.go (reserved/isolated required, non-empty, disjoint)',
    url: 'https://github.com/openshift/cluster-node-tuning-operator/blob/d2394aa81ffe/pkg/apis/performanceprofile/v2/performanceprofile_validation.go',
  },
  ntoProfileDefaults: {
    title: 'cluster-node-tuning-operator components/profile/profile.go (machineConfigLabel and pool selector default to the nodeSelector role)',
    url: 'https://github.com/openshift/cluster-node-tuning-operator/blob/d2394aa81ffe/pkg/performanceprofile/controller/performanceprofile/components/profile/profile.go',
  },
  ranDuPerformanceProfile: {
    title: 'OpenShift docs: recommended single-node DU performance profile (ztp-sno-du-configuring-performance-addons)',
    url: 'https://github.com/openshift/openshift-docs/blob/main/modules/ztp-sno-du-configuring-performance-addons.adoc',
  },
  k8sNodeShutdown: {
    title: 'Kubernetes docs: graceful node shutdown',
    url: 'https://kubernetes.io/docs/concepts/cluster-administration/node-shutdown/',
  },
  okdGracefulShutdown: {
    title: 'OKD docs: managing graceful node shutdown',
    url: 'https://docs.okd.io/latest/nodes/nodes/nodes-nodes-graceful-shutdown.html',
  },
  kubeletConfigValidation: {
    title: 'Kubernetes pkg/kubelet/apis/config/validation/validation.go (shutdownGracePeriodCriticalPods must be <= shutdownGracePeriod)',
    url: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/apis/config/validation/validation.go',
  },
} satisfies Record<string, RuleSource>;
