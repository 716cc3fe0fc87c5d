/** A sample to start from: a small VM and a Service that reaches its SSH port. */
export const IMPORT_SAMPLE = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: example-vm
  labels:
    app: example-vm
spec:
  runStrategy: Always
  template:
    metadata:
      labels:
        app: example-vm
    spec:
      domain:
        cpu:
          cores: 1
        memory:
          guest: 128Mi
        devices:
          disks:
            - name: rootdisk
              disk:
                bus: virtio
          interfaces:
            - name: default
              masquerade: {}
      networks:
        - name: default
          pod: {}
      volumes:
        - name: rootdisk
          containerDisk:
            image: quay.io/kubevirt/cirros-container-disk-demo:v1.6.2
---
apiVersion: v1
kind: Service
metadata:
  name: example-vm-ssh
spec:
  selector:
    app: example-vm
  ports:
    - name: ssh
      port: 22
      targetPort: 22
`;
